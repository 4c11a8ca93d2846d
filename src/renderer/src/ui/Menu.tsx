import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  ListBox,
  ListBoxItem,
  Menu as AriaMenu,
  MenuItem as AriaMenuItem,
  MenuTrigger,
  Popover,
  Separator,
  type ButtonProps,
  type Key,
  type ListBoxItemProps,
  type ListBoxProps,
  type MenuProps,
  type PopoverProps,
} from 'react-aria-components';
import { MoreHorizontal } from 'lucide-react';
import { cx } from '../lib/classNames';
import { IconButton } from './Button';
import styles from './Menu.module.css';

/** The floating box a menu, an option list or a small dialog opens in. */
export function MenuPopover({ className, ...props }: Omit<PopoverProps, 'className'> & { className?: string }) {
  return <Popover {...props} className={cx(styles.popover, className)} />;
}

export function MenuList<T extends object>(props: Omit<MenuProps<T>, 'className'>) {
  return <AriaMenu {...props} className={styles.menu} />;
}

interface MenuItemProps {
  id: string;
  textValue: string;
  /** Drawn before the label, hidden from screen readers (the label names the item). */
  icon?: ReactNode;
  isDanger?: boolean;
  children: ReactNode;
}

export function MenuItem({ id, textValue, icon, isDanger, children }: MenuItemProps) {
  return (
    <AriaMenuItem id={id} textValue={textValue} className={cx(styles.item, isDanger && styles.danger)}>
      {icon !== undefined && (
        <span className={styles.icon} aria-hidden="true">
          {icon}
        </span>
      )}
      {children}
    </AriaMenuItem>
  );
}

/** The options of a select, in a MenuPopover. */
export function OptionList<T extends object>(props: Omit<ListBoxProps<T>, 'className'>) {
  return <ListBox {...props} className={styles.menu} />;
}

export function OptionItem(props: Omit<ListBoxItemProps, 'className'>) {
  return <ListBoxItem {...props} className={styles.item} />;
}

/** A select's trigger, showing the chosen value. */
export function SelectButton({ className, ...props }: Omit<ButtonProps, 'className'> & { className?: string }) {
  return <AriaButton {...props} className={cx(styles.selectButton, className)} />;
}

export interface MenuAction {
  id: string;
  label: string;
  icon?: ReactNode;
  isDisabled?: boolean;
  isDanger?: boolean;
  /** Draws a line above this item, to set destructive items apart. */
  separatorBefore?: boolean;
}

interface ActionMenuProps {
  /** Names the trigger for screen readers, e.g. "Actions for Algebra". */
  label: string;
  actions: MenuAction[];
  onAction: (id: string) => void;
}

export function ActionMenu({ label, actions, onAction }: ActionMenuProps) {
  const disabledKeys = actions.filter((action) => action.isDisabled).map((action) => action.id);
  return (
    <MenuTrigger>
      <IconButton aria-label={label}>
        <MoreHorizontal size={18} aria-hidden="true" />
      </IconButton>
      <MenuPopover placement="bottom end">
        <MenuList onAction={(key: Key) => onAction(String(key))} disabledKeys={disabledKeys} aria-label={label}>
          {actions.flatMap((action) => {
            const item = (
              <MenuItem
                key={action.id}
                id={action.id}
                textValue={action.label}
                icon={action.icon ?? null}
                isDanger={action.isDanger ?? false}
              >
                {action.label}
              </MenuItem>
            );
            return action.separatorBefore
              ? [<Separator key={`${action.id}-sep`} className={styles.separator} />, item]
              : [item];
          })}
        </MenuList>
      </MenuPopover>
    </MenuTrigger>
  );
}
