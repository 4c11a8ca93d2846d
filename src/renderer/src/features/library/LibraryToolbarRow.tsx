import { Trash2 } from 'lucide-react';
import type { LibraryView } from '@shared/library/schemas';
import { Button } from '../../ui/Button';
import { SearchAndSort, ViewSwitch } from './LibraryToolbar';
import type { useLibrary } from './useLibrary';
import styles from './LibraryToolbar.module.css';

interface LibraryToolbarRowProps {
  view: LibraryView;
  library: ReturnType<typeof useLibrary>;
  showSearch: boolean;
  onViewChange: (view: LibraryView) => void;
  onEmptyTrash: () => void;
}

export function LibraryToolbarRow({ view, library, showSearch, onViewChange, onEmptyTrash }: LibraryToolbarRowProps) {
  return (
    <div className={styles.toolbar}>
      <ViewSwitch view={view} trashCount={library.trashCount} onChange={onViewChange} />
      {view === 'active' && showSearch && (
        <SearchAndSort
          query={library.query}
          onQueryChange={library.setQuery}
          sort={library.sort}
          onSortChange={library.setSort}
        />
      )}
      {view === 'trash' && (
        <Button variant="danger-ghost" onPress={onEmptyTrash}>
          <Trash2 size={16} aria-hidden="true" />
          Empty trash…
        </Button>
      )}
    </div>
  );
}
