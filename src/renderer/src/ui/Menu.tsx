import type { ReactNode } from 'react';
import {
  Menu as AriaMenu,
  MenuItem as AriaMenuItem,
  MenuTrigger,
  Popover,
  Separator,
  type Key,
} from 'react-aria-components';
import { MoreHorizontal } from 'lucide-react';
import { IconButton } from './Button';

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
      <IconButton aria-label={label} className="menu-trigger">
        <MoreHorizontal size={18} aria-hidden="true" />
      </IconButton>
      <Popover className="popover" placement="bottom end">
        <AriaMenu
          className="menu"
          onAction={(key: Key) => onAction(String(key))}
          disabledKeys={disabledKeys}
          aria-label={label}
        >
          {actions.flatMap((action) => {
            const item = (
              <AriaMenuItem
                key={action.id}
                id={action.id}
                textValue={action.label}
                className={action.isDanger ? 'menu-item menu-item-danger' : 'menu-item'}
              >
                <span className="menu-item-icon" aria-hidden="true">
                  {action.icon}
                </span>
                {action.label}
              </AriaMenuItem>
            );
            return action.separatorBefore
              ? [<Separator key={`${action.id}-sep`} className="menu-separator" />, item]
              : [item];
          })}
        </AriaMenu>
      </Popover>
    </MenuTrigger>
  );
}
