import { z } from 'zod';

/** cmi5 section 9.2: the learner as the LMS names it, an Agent with an account. */
const agentSchema = z.object({
  objectType: z.literal('Agent').optional(),
  name: z.string().optional(),
  account: z.object({ homePage: z.string().min(1), name: z.string().min(1) }),
});
export type Agent = z.infer<typeof agentSchema>;

const httpUrl = z.url({ protocol: /^https?$/ });

/** cmi5 section 8.1: the query string every LMS launches an AU with. */
const launchParametersSchema = z.object({
  endpoint: httpUrl,
  fetch: httpUrl,
  actor: z.string().transform((text, context) => {
    try {
      const parsed = agentSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // Reported below, as for any actor that is not an Agent with an account.
    }
    context.addIssue({ code: 'custom', message: 'is not an Agent with an account' });
    return z.NEVER;
  }),
  registration: z.uuid(),
  activityId: z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, { error: 'is not an IRI' }),
});
export type LaunchParameters = z.output<typeof launchParametersSchema>;

/** The parameters of `search` (location.search), or null when the page was not launched by a cmi5 LMS. */
export function readLaunch(search: string): { ok: true; launch: LaunchParameters } | { ok: false; problem: string } {
  const query = new URLSearchParams(search);
  const names = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;
  if (names.every((name) => !query.has(name))) return { ok: false, problem: 'no cmi5 launch parameters' };
  const parsed = launchParametersSchema.safeParse(Object.fromEntries(names.map((name) => [name, query.get(name)])));
  if (parsed.success) return { ok: true, launch: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `launch parameter ${issue?.path.join('.') ?? '?'} ${issue?.message ?? 'is invalid'}` };
}

/** cmi5 section 10: LMS.LaunchData, written by the LMS into the State API before the launch. */
export const launchDataSchema = z.object({
  contextTemplate: z.record(z.string(), z.unknown()),
  launchMode: z.enum(['Normal', 'Browse', 'Review']),
  masteryScore: z.number().min(0).max(1).optional(),
  moveOn: z.enum(['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable']),
  returnURL: z.string().optional(),
  launchParameters: z.string().optional(),
});

/** cmi5 section 11: the learner's preferences in the Agent Profile. */
export const learnerPreferencesSchema = z.object({
  languagePreference: z.string().optional(),
  audioPreference: z.enum(['on', 'off']).optional(),
});
