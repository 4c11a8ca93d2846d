import { MenuTrigger } from 'react-aria-components';
import { ChevronDown, EyeOff, Scissors } from 'lucide-react';
import { Button } from '../../../ui/Button';
import { MenuItem, MenuList, MenuPopover } from '../../../ui/Menu';

/** What can be done with the in–out range: cut it, or hide the camera bubble over it. */
export function RangeMenu({
  hasCamera,
  onCut,
  onHideCamera,
}: {
  hasCamera: boolean;
  onCut: () => void;
  onHideCamera: () => void;
}) {
  return (
    <MenuTrigger>
      <Button variant="ghost" size="sm">
        Range
        <ChevronDown size={14} aria-hidden="true" />
      </Button>
      <MenuPopover placement="bottom start">
        <MenuList aria-label="The selected range" onAction={(key) => (key === 'cut' ? onCut() : onHideCamera())}>
          <MenuItem id="cut" textValue="Cut the range" icon={<Scissors size={16} />}>
            Cut the range
          </MenuItem>
          {hasCamera && (
            <MenuItem id="hide-camera" textValue="Hide camera here" icon={<EyeOff size={16} />}>
              Hide camera here
            </MenuItem>
          )}
        </MenuList>
      </MenuPopover>
    </MenuTrigger>
  );
}
