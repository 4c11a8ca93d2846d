import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-aria-components';
import { Clapperboard } from 'lucide-react';
import { studio } from './studio';
import { LibraryScreen } from './features/library/LibraryScreen';
import { ProjectFormDialog } from './features/library/ProjectFormDialog';
import { RecoveryDialog } from './features/recovery/RecoveryDialog';
import { SettingsButton } from './features/settings/SettingsButton';
import { useHashRoute, type Route } from './lib/useHashRoute';
import { ToastProvider } from './ui/Toast';
import { ConnectionLost } from './studio/ConnectionLost';
import styles from './App.module.css';

// Loaded when first opened: the library, where the app starts, then parses a third of the code (its first card
// waits for that). The rest is on disk (Electron) or 127.0.0.1 (the browser host), so opening one is immediate.
const ProjectScreen = lazy(() =>
  import('./features/project/ProjectScreen').then((m) => ({ default: m.ProjectScreen })),
);
const LessonScreen = lazy(() => import('./features/lesson/LessonScreen').then((m) => ({ default: m.LessonScreen })));
const RecorderScreen = lazy(() =>
  import('./features/recorder/RecorderScreen').then((m) => ({ default: m.RecorderScreen })),
);
const EditorScreen = lazy(() => import('./features/editor/EditorScreen').then((m) => ({ default: m.EditorScreen })));
const ClassResultsScreen = lazy(() =>
  import('./features/classResults/ClassResultsScreen').then((m) => ({ default: m.ClassResultsScreen })),
);

/** Menu commands (from the app menu or a shortcut) arrive from main; each one maps to a place or a dialog. */
function useMenuCommands(navigate: (route: Route) => void, openCreate: () => void): void {
  useEffect(
    () =>
      studio.app.onDidRequestCommand(({ command }) => {
        if (command === 'newProject') openCreate();
        else if (command === 'showLibrary') navigate({ screen: 'library', view: 'active' });
        else if (command === 'showTrash') navigate({ screen: 'library', view: 'trash' });
        // toggleRecordingPause and stopRecording belong to the recorder screen, which listens for them itself.
      }),
    [navigate, openCreate],
  );
}

function Shell() {
  const [route, navigate] = useHashRoute();
  const [isCreating, setCreating] = useState(false);
  const openCreate = useCallback(() => setCreating(true), []);
  useMenuCommands(navigate, openCreate);

  return (
    <div className={styles.app}>
      <header className={styles.header}>
        <Link href="#/" className={styles.brand} aria-label="Flipside Studio, go to the library">
          <span className={styles.mark} aria-hidden="true">
            <Clapperboard size={16} />
          </span>
          Flipside Studio
        </Link>
        <SettingsButton />
      </header>
      <Suspense fallback={null}>
        {route.screen === 'project' ? (
          <ProjectScreen key={route.projectId} projectId={route.projectId} />
        ) : route.screen === 'lesson' ? (
          <LessonScreen key={route.lessonId} lessonId={route.lessonId} />
        ) : route.screen === 'results' ? (
          <ClassResultsScreen key={route.lessonId} lessonId={route.lessonId} />
        ) : route.screen === 'edit' ? (
          <EditorScreen key={route.lessonId} lessonId={route.lessonId} />
        ) : route.screen === 'record' ? (
          <RecorderScreen
            key={route.lessonId}
            lessonId={route.lessonId}
            onDone={(take) => navigate({ screen: 'lesson', lessonId: take.lessonId })}
          />
        ) : (
          <LibraryScreen view={route.view} navigate={navigate} onNewProject={openCreate} />
        )}
      </Suspense>
      <RecoveryDialog onOpenLesson={(lessonId) => navigate({ screen: 'lesson', lessonId })} />
      <ProjectFormDialog
        isOpen={isCreating}
        onOpenChange={setCreating}
        onSubmit={async (values) => {
          const project = await studio.projects.create(values);
          navigate({ screen: 'project', projectId: project.id });
        }}
      />
    </div>
  );
}

export function App() {
  return (
    <ToastProvider>
      <Shell />
      <ConnectionLost />
    </ToastProvider>
  );
}
