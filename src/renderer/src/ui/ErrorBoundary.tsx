import { Component, type ErrorInfo, type ReactNode } from 'react';
import { RotateCw } from 'lucide-react';
import { Button } from './Button';
import styles from './ErrorBoundary.module.css';

interface State {
  error: Error | null;
}

/** A render error must never leave the teacher with a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Flipside Studio hit an error while drawing the screen', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className={styles.crash} role="alert">
        <h1>Something went wrong</h1>
        <p>Your work is saved. Reload the window to carry on.</p>
        <p className={styles.detail}>{this.state.error.message}</p>
        <Button variant="primary" onPress={() => window.location.reload()}>
          <RotateCw size={16} aria-hidden="true" />
          Reload
        </Button>
      </main>
    );
  }
}
