import { useState } from 'react';
import { Copy } from 'lucide-react';
import { describeError } from '../../lib/errors';
import { studio } from '../../studio';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/Toast';
import styles from './Settings.module.css';

/**
 * The link the teacher hands their LMS administrator (LTI Dynamic Registration): pasted into the LMS, it registers the
 * class server for this teacher. Made on request, since each works once.
 */
export function LmsLink() {
  const toast = useToast();
  const [link, setLink] = useState<{ url: string; expiresAt: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      setLink(await studio.classroom.lmsLink({}));
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  const copy = (url: string) =>
    navigator.clipboard.writeText(url).then(
      () => toast.show({ message: 'Link copied' }),
      () => toast.show({ message: 'Copying is not allowed here; select the link and copy it.' }),
    );

  return (
    <div className={styles.lms}>
      <h4 className={styles.subheading}>Your school’s LMS</h4>
      <p className="hint">
        Moodle (4.1 or newer) and Canvas add the class server from one link: instructors then add your lessons to their
        courses, and scores go to the course’s gradebook.
      </p>
      {link ? (
        <>
          <p className={styles.link}>
            <span className={styles.url} data-testid="lms-link">
              {link.url}
            </span>
            <Button variant="ghost" aria-label="Copy the link for your LMS" onPress={() => void copy(link.url)}>
              <Copy size={14} aria-hidden="true" />
              Copy
            </Button>
          </p>
          <p className="hint">
            Give it to your LMS administrator, who pastes it into the LMS’s tool registration. It works once, until{' '}
            {new Date(link.expiresAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}.
          </p>
        </>
      ) : (
        <div>
          <Button onPress={() => void make()} isPending={busy}>
            Make a link for your LMS
          </Button>
        </div>
      )}
      {error !== null && (
        <Banner tone="error" role="alert" as="p">
          {error}
        </Banner>
      )}
    </div>
  );
}
