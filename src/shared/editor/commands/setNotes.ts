import { NOTES_MAX } from '../../notes/source';
import { EditRefusedError } from '../../timeline/editList';
import { defineCommand } from './command';

/** The notes' text as the teacher types it: a run of typing is one undo step, sealed when they leave the editor. */
export const setNotes = defineCommand<{ readonly source: string }>({
  run: (doc, { source }) => {
    if (source.length > NOTES_MAX)
      throw new EditRefusedError(`Notes are at most ${NOTES_MAX.toLocaleString('en')} characters`);
    return { ...doc, notes: source };
  },
  label: () => 'Edit notes',
  mergeKey: () => 'notes',
});
