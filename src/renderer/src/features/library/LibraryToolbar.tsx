import {
  Button as AriaButton,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SearchField,
  Select,
  SelectValue,
  ToggleButton,
  ToggleButtonGroup,
  type Key,
} from 'react-aria-components';
import { ChevronDown, Search, X } from 'lucide-react';
import type { LibraryView, ProjectSort } from '@shared/library/schemas';

export function ViewSwitch({
  view,
  trashCount,
  onChange,
}: {
  view: LibraryView;
  trashCount: number;
  onChange: (view: LibraryView) => void;
}) {
  return (
    <ToggleButtonGroup
      aria-label="Show"
      className="segmented"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[view]}
      onSelectionChange={(keys) => {
        const [next] = [...keys];
        if (next === 'active' || next === 'trash') onChange(next);
      }}
    >
      <ToggleButton id="active" className="segmented-item">
        Projects
      </ToggleButton>
      <ToggleButton id="trash" className="segmented-item">
        Trash
        <span className="count-badge" aria-label={`, ${trashCount} in trash`}>
          {trashCount}
        </span>
      </ToggleButton>
    </ToggleButtonGroup>
  );
}

const SORTS: { id: ProjectSort; label: string }[] = [
  { id: 'updated', label: 'Last modified' },
  { id: 'title', label: 'Title' },
];

interface SearchAndSortProps {
  query: string;
  onQueryChange: (query: string) => void;
  sort: ProjectSort;
  onSortChange: (sort: ProjectSort) => void;
}

export function SearchAndSort({ query, onQueryChange, sort, onSortChange }: SearchAndSortProps) {
  return (
    <div className="search-sort">
      <SearchField className="search-field" value={query} onChange={onQueryChange} aria-label="Search projects">
        <Search size={16} aria-hidden="true" className="search-icon" />
        <Input className="search-input" placeholder="Search projects and lessons" />
        <AriaButton className="search-clear" aria-label="Clear search">
          <X size={14} aria-hidden="true" />
        </AriaButton>
      </SearchField>
      <Select
        className="sort-select"
        value={sort}
        onChange={(key: Key | null) => {
          if (key === 'updated' || key === 'title') onSortChange(key);
        }}
      >
        <Label className="sort-label">Sort by</Label>
        <AriaButton className="select-button">
          <SelectValue />
          <ChevronDown size={16} aria-hidden="true" />
        </AriaButton>
        <Popover className="popover" placement="bottom end">
          <ListBox className="menu" items={SORTS}>
            {(item) => (
              <ListBoxItem id={item.id} className="menu-item">
                {item.label}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </Select>
    </div>
  );
}
