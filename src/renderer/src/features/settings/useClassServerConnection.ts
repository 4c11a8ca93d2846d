import { useEffect, useState } from 'react';
import type { ClassServerConnection } from '@shared/contract/classServer';
import { studio } from '../../studio';

/** The class server the studio is connected to (never the token), kept current as Settings change it. */
export function useClassServerConnection(): { connection: ClassServerConnection | null; loaded: boolean } {
  const [state, setState] = useState<{ connection: ClassServerConnection | null; loaded: boolean }>({
    connection: null,
    loaded: false,
  });
  useEffect(() => {
    let live = true;
    void studio.classroom.connection({}).then((connection) => live && setState({ connection, loaded: true }));
    const off = studio.classroom.onDidChangeConnection((connection) => setState({ connection, loaded: true }));
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}
