import { ROSTER_ID_PREFIX, type LearnerResult } from './results';

/** One member of an LMS course's roster (NRPS), as Class results need them for one class. */
export interface RosterEntry {
  readonly classId: string;
  /** The platform's id for the user (`user_id` in the roster, `sub` in a launch). */
  readonly sub: string;
  readonly name: string;
  /** A Learner of the course and not also staff: instructors, teaching assistants, mentors are never listed. */
  readonly learner: boolean;
  /** false for a member the course lists as Inactive or Deleted. */
  readonly active: boolean;
  /** The learner they already are in the class (they launched a link of the course), or null. */
  readonly learnerId: string | null;
  /** When the roster listed them. */
  readonly listedAt: number;
}

const memberKey = (entry: RosterEntry) => `${entry.classId}\n${entry.sub}`;

/**
 * The class's learners with the course's roster laid over them: a learner on the roster who never launched is
 * added as not started (matched to launched learners by the platform's user id, so nobody shows twice); anyone
 * who is not a learner there is never added; a member the course made Inactive or Deleted is not listed unless they did something in this lesson.
 * A member on the rosters of several links to the lesson is active if any lists them so.
 */
export function withRoster(learners: readonly LearnerResult[], roster: readonly RosterEntry[]): LearnerResult[] {
  const members = new Map<string, RosterEntry>();
  for (const entry of roster) {
    const seen = members.get(memberKey(entry));
    members.set(
      memberKey(entry),
      seen
        ? {
            ...seen,
            learner: seen.learner && entry.learner,
            active: seen.active || entry.active,
            learnerId: seen.learnerId ?? entry.learnerId,
          }
        : entry,
    );
  }
  const gone = new Set<string>();
  const added: LearnerResult[] = [];
  for (const member of members.values()) {
    if (member.learnerId !== null) {
      if (!member.active) gone.add(member.learnerId);
    } else if (member.active && member.learner) {
      added.push({
        id: `${ROSTER_ID_PREFIX}${member.classId}:${member.sub}`,
        name: member.name,
        classId: member.classId,
        joinedAt: member.listedAt,
        run: null,
        onlyOnRoster: true,
      });
    }
  }
  const kept = learners.filter((learner) => learner.run !== null || !gone.has(learner.id));
  if (added.length === 0) return kept;
  return [...kept, ...added].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}
