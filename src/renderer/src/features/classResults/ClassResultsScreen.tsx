import { useCallback, useEffect, useMemo, useState } from 'react';
import { Label, Select, SelectValue } from 'react-aria-components';
import { ChevronDown, RefreshCw } from 'lucide-react';
import { analyzeClass, STUCK_RULE_TEXT } from '@shared/classServer/analyze';
import { planClass } from '@shared/classServer/planClass';
import type { ClassSummary } from '@shared/classServer/results';
import { describeError } from '../../lib/errors';
import { useNow } from '../../lib/useNow';
import { studio } from '../../studio';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { MenuPopover, OptionItem, OptionList, SelectButton } from '../../ui/Menu';
import { Page, PageActions, PageHeader, Section } from '../../ui/Page';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { RelativeTime } from '../../ui/RelativeTime';
import { ClassesPanel } from './ClassesPanel';
import { HeatStrip } from './HeatStrip';
import { LearnerTable } from './LearnerTable';
import { PlanTheClass } from './PlanTheClass';
import { QuestionChart } from './QuestionChart';
import { StatusBar } from './StatusBar';
import { useClassResults } from './useClassResults';
import { useRecordActions } from './useRecordActions';
import { STATUS_ORDER } from './wording';
import styles from './ClassResults.module.css';

const ALL = 'all';

/** One published lesson's Class results: who is stuck and why, each question, where learners went back, the plan. */
export function ClassResultsScreen({ lessonId }: { lessonId: string }) {
  const { data, refreshing, error, refresh } = useClassResults(lessonId);
  const [classes, setClasses] = useState<readonly ClassSummary[]>([]);
  const [classId, setClassId] = useState<string>(ALL);
  const now = useNow(60_000);
  const loadClasses = useCallback(() => {
    void studio.classroom.classes({ refresh: true }).then((answer) => setClasses(answer.value ?? []));
  }, []);
  useEffect(loadClasses, [loadClasses]);
  const actions = useRecordActions(() => {
    refresh();
    loadClasses();
  });

  const results = data?.value ?? null;
  const analysis = useMemo(() => {
    if (!results) return null;
    const learners =
      classId === ALL ? results.learners : results.learners.filter((learner) => learner.classId === classId);
    const analysed = analyzeClass({ ...results, learners }, now);
    const order = (status: (typeof STATUS_ORDER)[number]) => STATUS_ORDER.indexOf(status);
    return { ...analysed, learners: [...analysed.learners].sort((a, b) => order(a.status) - order(b.status)) };
  }, [results, classId, now]);
  const classNames = useMemo(() => new Map(classes.map((summary) => [summary.id, summary.name])), [classes]);
  const title = results?.lesson.title ?? 'Class results';

  return (
    <Page
      wide
      labelledBy="page-title"
      back={{ href: `#/lesson/${encodeURIComponent(lessonId)}`, label: 'Back to the lesson' }}
    >
      <PageHeader
        actions={
          <div className={styles.noPrint}>
            <PageActions>
              <Select value={classId} onChange={(key) => setClassId(key === null ? ALL : String(key))}>
                <Label className="visually-hidden">Class</Label>
                <SelectButton className={styles.classSelect}>
                  <SelectValue />
                  <ChevronDown size={14} aria-hidden="true" />
                </SelectButton>
                <MenuPopover>
                  <OptionList>
                    <OptionItem id={ALL}>All classes</OptionItem>
                    {classes.map((summary) => (
                      <OptionItem key={summary.id} id={summary.id}>
                        {summary.name}
                      </OptionItem>
                    ))}
                  </OptionList>
                </MenuPopover>
              </Select>
              <Button
                onPress={() => {
                  refresh();
                  loadClasses();
                }}
                isPending={refreshing}
              >
                <RefreshCw size={14} aria-hidden="true" />
                Refresh
              </Button>
            </PageActions>
          </div>
        }
      >
        <h1 id="page-title">
          Class results{results && <span className={styles.subtitle}>{results.lesson.title}</span>}
        </h1>
      </PageHeader>
      <p className={`${styles.freshness} ${styles.noPrint}`} role="status">
        {data?.fetchedAt != null && <RelativeTime prefix="Updated" timestamp={data.fetchedAt} />}
        {results && (
          <>
            {' · '}lesson link <span className={styles.url}>{results.lesson.url}</span> · version{' '}
            {results.lesson.latestVersion}
          </>
        )}
      </p>
      {(data?.problem ?? null) !== null && (
        <div className={styles.noPrint}>
          <Banner tone="error" role="alert">
            {results ? 'Showing the copy kept on this computer. ' : ''}
            {data?.problem}
          </Banner>
        </div>
      )}
      {error !== null && (
        <Banner tone="error" role="alert">
          {describeError(error)}
        </Banner>
      )}
      {analysis && results && (
        <>
          <div className={styles.noPrint}>
            <Section headingId="who-heading" title="Who is stuck">
              <StatusBar counts={analysis.counts} />
              <p className={styles.rule}>{STUCK_RULE_TEXT}</p>
              <LearnerTable
                learners={analysis.learners}
                questions={analysis.questions}
                classNames={classNames}
                now={now}
                onAction={(learner, action) =>
                  action === 'delete'
                    ? actions.askDelete({ kind: 'learner', id: learner.id, name: learner.name })
                    : void actions.exportRecords({ learnerId: learner.id }, action)
                }
              />
            </Section>
            <Section headingId="questions-heading" title="Questions">
              <QuestionChart questions={analysis.questions} />
            </Section>
            <Section headingId="heat-heading" title="Where learners went back">
              <HeatStrip
                heat={analysis.heat}
                durationMs={results.lesson.durationMs}
                questions={results.lesson.questions}
              />
            </Section>
          </div>
          <PlanTheClass groups={planClass(analysis)} title={`${title}: plan the class`} />
        </>
      )}
      <ClassesPanel
        classes={classes}
        onChanged={loadClasses}
        onAction={(summary, action) =>
          action === 'delete'
            ? actions.askDelete({ kind: 'class', id: summary.id, name: summary.name })
            : void actions.exportRecords({ classId: summary.id }, action)
        }
      />
      <ConfirmDialog
        isOpen={actions.pending !== null}
        title={actions.pending?.kind === 'class' ? 'Delete the class?' : 'Delete this learner’s records?'}
        message={
          actions.pending?.kind === 'class'
            ? `${actions.pending.name} and every learner in it, with all they did, are deleted from the class server. Learners need the code of another class to join again.`
            : `Everything ${actions.pending?.name ?? ''} did is deleted from the class server. This cannot be undone.`
        }
        confirmLabel="Delete"
        onCancel={actions.cancelDelete}
        onConfirm={actions.confirmDelete}
      />
    </Page>
  );
}
