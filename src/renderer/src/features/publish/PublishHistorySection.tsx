import { useRef, useState } from 'react';
import type { PublishRecord } from '@shared/publish/history';
import { FORMAT_LABELS } from '@shared/publish/options';
import { describeError } from '../../lib/errors';
import { useCanShowInFolder } from '../../lib/fileActions';
import { studio } from '../../studio';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Section } from '../../ui/Page';
import { useToast } from '../../ui/Toast';
import { PublishRecordRow, recordName } from './PublishRecordRow';
import { usePublishHistory } from './usePublishHistory';
import styles from './PublishHistory.module.css';

/**
 * The lesson screen's list of what was published, newest first: each package with its version and date, a way to
 * take it out of the library or delete it, and whether the lesson has changed since. Hidden until the first publish.
 */
export function PublishHistorySection({ lessonId }: { lessonId: string }) {
  const { records, error, forget } = usePublishHistory(lessonId);
  const list = useRef<HTMLUListElement>(null);
  const canShowInFolder = useCanShowInFolder();
  const toast = useToast();
  const [deleting, setDeleting] = useState<PublishRecord | null>(null);
  if (records.length === 0 && (error === null || error === undefined)) return null;
  const [newest] = records;
  const confirmDelete = async () => {
    if (!deleting) return;
    const at = records.indexOf(deleting);
    const neighbour = records[at + 1] ?? records[at - 1];
    try {
      await studio.publish.remove({ id: deleting.id });
      forget(deleting.id);
      toast.show({ message: `Deleted ${recordName(deleting)}` });
      setDeleting(null);
      // The Delete button that opened the question is gone with its row: the next entry's first action takes focus.
      if (neighbour)
        requestAnimationFrame(() =>
          list.current?.querySelector<HTMLElement>(`[data-publish-id="${neighbour.id}"] button`)?.focus(),
        );
    } catch (failure) {
      toast.error(failure);
    }
  };
  return (
    <Section headingId="published-heading" title="Published">
      {error !== null && error !== undefined && (
        <Banner tone="error" as="p">
          {describeError(error)}
        </Banner>
      )}
      {newest && (
        <p className="hint" role="status">
          {newest.changedSince
            ? `You changed the lesson after publishing version ${newest.version} (${FORMAT_LABELS[newest.format]}). Publish again to give learners the changes.`
            : `Version ${newest.version} (${FORMAT_LABELS[newest.format]}) is the lesson as it is now.`}
        </p>
      )}
      <ul ref={list} className={styles.list} aria-label="Published packages">
        {records.map((record) => (
          <PublishRecordRow
            key={record.id}
            record={record}
            canShowInFolder={canShowInFolder}
            onDelete={() => setDeleting(record)}
          />
        ))}
      </ul>
      <ConfirmDialog
        isOpen={deleting !== null}
        title={`Delete ${deleting ? recordName(deleting) : 'this package'}?`}
        message={
          deleting?.kind === 'classServer'
            ? 'It leaves this list only: the lesson stays on the class server and learners keep their place.'
            : 'Its file is removed from the library. Copies you saved elsewhere or uploaded to an LMS are not touched. This cannot be undone.'
        }
        confirmLabel="Delete"
        onCancel={() => setDeleting(null)}
        onConfirm={confirmDelete}
      />
    </Section>
  );
}
