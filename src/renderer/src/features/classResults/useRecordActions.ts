import { useState } from 'react';
import { mediaUrl, studio } from '../../studio';
import { useToast } from '../../ui/Toast';

export interface PendingDelete {
  readonly kind: 'learner' | 'class';
  readonly id: string;
  readonly name: string;
}

/** Export and delete, for a learner or a class: exports are saved in the library and offered for download. */
export function useRecordActions(onDeleted: () => void) {
  const toast = useToast();
  const [pending, setPending] = useState<PendingDelete | null>(null);

  const exportRecords = async (target: { classId: string } | { learnerId: string }, format: 'csv' | 'json') => {
    try {
      const saved = await studio.classroom.exportRecords({ ...target, format });
      toast.show({
        message: `Saved ${saved.name} in the library’s class-server/exports folder.`,
        action: {
          label: 'Download',
          run: () => {
            const link = document.createElement('a');
            link.href = mediaUrl(saved.path);
            link.download = saved.name;
            link.click();
          },
        },
      });
    } catch (error) {
      toast.error(error);
    }
  };

  const confirmDelete = async () => {
    if (!pending) return;
    try {
      if (pending.kind === 'learner') await studio.classroom.deleteLearner({ learnerId: pending.id });
      else await studio.classroom.deleteClass({ classId: pending.id });
      toast.show({ message: `${pending.name}: records deleted from the class server.` });
      onDeleted();
    } catch (error) {
      toast.error(error);
    } finally {
      setPending(null);
    }
  };

  return { exportRecords, pending, askDelete: setPending, confirmDelete, cancelDelete: () => setPending(null) };
}
