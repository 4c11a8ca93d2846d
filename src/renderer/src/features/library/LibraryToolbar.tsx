import { Button as AriaButton, Input, Label, SearchField, Select, SelectValue, type Key } from 'react-aria-components';
import { ChevronDown, Search, X } from 'lucide-react';
import type { LibraryView, ProjectSort } from '@shared/library/schemas';
import { MenuPopover, OptionItem, OptionList, SelectButton } from '../../ui/Menu';
import { SegmentedControl, SegmentedItem } from '../../ui/SegmentedControl';
import styles from './LibraryToolbar.module.css';

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
    <SegmentedControl
      aria-label="Show"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[view]}
      onSelectionChange={(keys) => {
        const [next] = [...keys];
        if (next === 'active' || next === 'trash') onChange(next);
      }}
    >
      <SegmentedItem id="active">Projects</SegmentedItem>
      <SegmentedItem id="trash">
        Trash
        <span className={styles.countBadge} aria-label={`, ${trashCount} in trash`}>
          {trashCount}
        </span>
      </SegmentedItem>
    </SegmentedControl>
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
    <div className={styles.searchSort}>
      <SearchField className={styles.searchField} value={query} onChange={onQueryChange} aria-label="Search projects">
        <Search size={16} aria-hidden="true" className={styles.searchIcon} />
        <Input className={styles.searchInput} placeholder="Search projects and lessons" />
        <AriaButton className={styles.searchClear} aria-label="Clear search">
          <X size={14} aria-hidden="true" />
        </AriaButton>
      </SearchField>
      <Select
        className={styles.sortSelect}
        value={sort}
        onChange={(key: Key | null) => {
          if (key === 'updated' || key === 'title') onSortChange(key);
        }}
      >
        <Label className={styles.sortLabel}>Sort by</Label>
        <SelectButton>
          <SelectValue />
          <ChevronDown size={16} aria-hidden="true" />
        </SelectButton>
        <MenuPopover placement="bottom end">
          <OptionList items={SORTS}>{(item) => <OptionItem id={item.id}>{item.label}</OptionItem>}</OptionList>
        </MenuPopover>
      </Select>
    </div>
  );
}
