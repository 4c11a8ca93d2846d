import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { ChevronDown, EyeOff, Scissors } from 'lucide-react';

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
      <Button className="btn btn-ghost btn-sm">
        Range
        <ChevronDown size={14} aria-hidden="true" />
      </Button>
      <Popover className="popover" placement="bottom start">
        <Menu
          className="menu"
          aria-label="The selected range"
          onAction={(key) => (key === 'cut' ? onCut() : onHideCamera())}
        >
          <MenuItem id="cut" className="menu-item" textValue="Cut the range">
            <span className="menu-item-icon" aria-hidden="true">
              <Scissors size={16} />
            </span>
            Cut the range
          </MenuItem>
          {hasCamera && (
            <MenuItem id="hide-camera" className="menu-item" textValue="Hide camera here">
              <span className="menu-item-icon" aria-hidden="true">
                <EyeOff size={16} />
              </span>
              Hide camera here
            </MenuItem>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
