import { lessonRulesSchema, type LessonRules } from '../../checkpoints/schema';
import { EditRefusedError } from '../../timeline/editList';
import { defineCommand } from './command';

export type SetLessonRulesArgs = Partial<LessonRules>;

/** The learner rules (navigation, re-asking, mastery, completion, speeds), changed in one undoable step. */
export const setLessonRules = defineCommand<SetLessonRulesArgs>({
  run: (doc, changes) => {
    const result = lessonRulesSchema.safeParse({ ...doc.rules, ...changes });
    if (!result.success) throw new EditRefusedError(result.error.issues[0]?.message ?? 'Those rules are not valid');
    return { ...doc, rules: { ...result.data, playbackRates: [...result.data.playbackRates].sort((a, b) => a - b) } };
  },
  label: () => 'Change learner rules',
});
