import type { CartridgeLessons } from '@shared/publish/options';
import { Banner } from '../../ui/Banner';
import { Radio, RadioGroup } from '../../ui/Radio';
import styles from './CartridgeChoice.module.css';

export interface CartridgeLesson {
  readonly lessonId: string;
  readonly title: string;
  /** Where the lesson is on the class server, or null when it has not been published there. */
  readonly lessonUrl: string | null;
}

interface CartridgeChoiceProps {
  lessons: readonly CartridgeLesson[];
  value: CartridgeLessons;
  onChange: (value: CartridgeLessons) => void;
}

/**
 * How a Common Cartridge carries the project's lessons: links to the class server (grades come back) or the lessons
 * themselves (they play, but nothing is reported), naming the lessons that are not on the class server yet.
 */
export function CartridgeChoice({ lessons, value, onChange }: CartridgeChoiceProps) {
  const missing = lessons.filter((lesson) => lesson.lessonUrl === null);
  const linked = lessons.length - missing.length;
  const inside = value === 'web' ? lessons.length : value === 'linkOrWeb' ? missing.length : 0;
  return (
    <div className={styles.choice}>
      <RadioGroup
        label={`The ${lessons.length === 1 ? 'lesson' : `${String(lessons.length)} lessons`} of this project, one module each`}
        layout="column"
        value={value}
        onChange={(next) => onChange(next as CartridgeLessons)}
      >
        <Radio
          value="link"
          variant="card"
          isDisabled={missing.length > 0}
          hint="Each lesson opens from your class server inside the LMS, and scores go to the LMS gradebook."
        >
          Links to the class server
        </Radio>
        <Radio
          value="linkOrWeb"
          variant="card"
          isDisabled={linked === 0}
          hint="Lessons on the class server as links; the others as web content in the cartridge."
        >
          Links where I can, the lesson itself for the rest
        </Radio>
        <Radio value="web" variant="card" hint="For a school without the class server.">
          The lessons themselves, no class server
        </Radio>
      </RadioGroup>
      {missing.length > 0 && (
        <Banner tone="info" as="p">
          Not on the class server yet: {missing.map((lesson) => `“${lesson.title}”`).join(', ')}. Publish{' '}
          {missing.length === 1 ? 'it' : 'them'} to the class server first for grades to come back.
        </Banner>
      )}
      {inside > 0 && (
        <p className={styles.warning}>
          {inside === lessons.length ? 'Every lesson' : `${String(inside)} of the lessons`} will play inside the LMS,
          but nothing is reported: no progress, answers or scores reach the LMS gradebook or your Class results.
        </p>
      )}
    </div>
  );
}
