import { useState } from 'react';
import { Form } from 'react-aria-components';
import { CheckCircle2 } from 'lucide-react';
import { splitFormError } from '../../lib/errors';
import { studio } from '../../studio';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import { TextField } from '../../ui/TextField';
import { LmsLink } from './LmsLink';
import { useClassServerConnection } from './useClassServerConnection';
import styles from './Settings.module.css';

/** The class server's address and the teacher's token, checked with the server before they are kept. */
export function ClassServerSettings() {
  const { connection, loaded } = useClassServerConnection();
  const [editing, setEditing] = useState(false);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form: string | null }>({
    fields: {},
    form: null,
  });
  const [busy, setBusy] = useState(false);
  const showForm = loaded && (connection === null || editing);

  const save = async () => {
    setBusy(true);
    setErrors({ fields: {}, form: null });
    try {
      await studio.classroom.connect({ url, token });
      setEditing(false);
      setToken('');
    } catch (error) {
      setErrors(splitFormError(error, ['url', 'token']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="class-server-heading">
      <h3 id="class-server-heading" className={styles.heading}>
        Class server
      </h3>
      <p className="hint">
        Publish lessons to your own or your school’s Flipside class server: learners join with a class code, and Class
        results show who watched, who answered what, and who is stuck.
      </p>
      {connection && !editing && (
        <div className={styles.connected} role="status">
          <CheckCircle2 size={20} aria-hidden="true" className={styles.okIcon} />
          <div>
            <p className={styles.connectedTitle}>
              Connected to <span className={styles.url}>{connection.url}</span>
            </p>
            <p className="hint">
              as {connection.teacherName || connection.teacherEmail} ·{' '}
              <RelativeTime prefix="checked" timestamp={connection.checkedAt} />
            </p>
          </div>
          <div className={styles.actions}>
            <Button
              onPress={() => {
                setUrl(connection.url);
                setEditing(true);
              }}
            >
              Change…
            </Button>
            <Button variant="danger-ghost" onPress={() => void studio.classroom.disconnect({})}>
              Disconnect
            </Button>
          </div>
        </div>
      )}
      {connection && !editing && <LmsLink />}
      {showForm && (
        <Form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <TextField
            label="Server address"
            value={url}
            onChange={setUrl}
            isRequired
            placeholder="http://192.168.1.20:8080"
            description="The address `flipside serve` printed, or the one your school gave you."
            error={errors.fields.url}
          />
          <TextField
            label="Teacher token"
            value={token}
            onChange={setToken}
            isRequired
            placeholder="fst_…"
            description="Printed once by `flipside serve teachers add`. It stays in this studio’s library."
            error={errors.fields.token}
          />
          {errors.form !== null && (
            <Banner tone="error" role="alert" as="p">
              {errors.form}
            </Banner>
          )}
          <div className={styles.actions}>
            {editing && (
              <Button variant="secondary" onPress={() => setEditing(false)}>
                Cancel
              </Button>
            )}
            <Button variant="primary" type="submit" isPending={busy}>
              Check and save
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
