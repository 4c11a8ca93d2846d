import { AlertTriangle, Globe, Package, Trash2, Users } from 'lucide-react';
import type { PublishRecord } from '@shared/publish/history';
import { FORMAT_LABELS } from '@shared/publish/options';
import { formatBytes } from '@shared/format/bytes';
import { FileButtons } from '../../lib/FileButtons';
import { IconButton } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import { RowMain, RowMeta } from '../../ui/RowText';
import styles from './PublishRecordRow.module.css';

/** How a teacher names one publish: "SCORM 2004 4th edition, version 1.1". */
export function recordName(record: Pick<PublishRecord, 'format' | 'version'>): string {
  return `${FORMAT_LABELS[record.format]}, version ${record.version}`;
}

const ICONS = { zip: Package, folder: Globe, classServer: Users } as const;

interface PublishRecordRowProps {
  record: PublishRecord;
  canShowInFolder: boolean;
  onDelete: () => void;
}

/** One publish: format and version, whether the lesson changed since, its file and date, and what to do with it. */
export function PublishRecordRow({ record, canShowInFolder, onDelete }: PublishRecordRowProps) {
  const name = recordName(record);
  const Icon = ICONS[record.kind];
  const file = record.path === null || record.missing ? null : ({ kind: 'export', path: record.path } as const);
  return (
    <li className={styles.row} data-publish-id={record.id}>
      <Icon size={20} aria-hidden="true" className={styles.icon} />
      <RowMain>
        <span className={styles.title}>
          {name}
          {record.changedSince && (
            <span className={styles.changed}>
              <AlertTriangle size={12} aria-hidden="true" />
              Lesson changed since
            </span>
          )}
        </span>
        <RowMeta>
          {record.kind === 'classServer' ? (
            <span className={styles.where}>
              On the class server{record.serverVersion === null ? '' : ` as version ${record.serverVersion}`}
            </span>
          ) : record.missing ? (
            <span>The file is no longer in the library</span>
          ) : (
            <span className={styles.where}>{record.path?.split('/').pop()}</span>
          )}
          {record.kind !== 'classServer' && <span>{formatBytes(record.sizeBytes)}</span>}
          <RelativeTime prefix="published" timestamp={record.publishedAt} />
        </RowMeta>
      </RowMain>
      {file && <FileButtons file={file} name={name} canShowInFolder={canShowInFolder} className={styles.actions} />}
      <IconButton aria-label={`Delete ${name}`} onPress={onDelete}>
        <Trash2 size={16} aria-hidden="true" />
      </IconButton>
    </li>
  );
}
