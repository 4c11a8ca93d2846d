import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/contract/app';
import type { Studio } from './studio';

export interface AppMenuOptions {
  events: Studio['events'];
  platform: NodeJS.Platform;
  /** Reload and developer tools exist only in development: a reload would drop whatever the teacher is doing. */
  isPackaged: boolean;
  /** Shows the log file in the file manager, for a teacher asked to send it. */
  showLogs: () => void;
}

/** The app menu, built from roles; the studio's own commands are sent to the UI as `app.onDidRequestCommand`. */
export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(options)));
}

function appMenuTemplate({ events, platform, isPackaged, showLogs }: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const command = (label: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => events.emit('app', 'onDidRequestCommand', { command: name }),
  });

  const macAppMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }];

  return [
    ...macAppMenu,
    {
      label: '&File',
      submenu: [
        command('New Project', 'CmdOrCtrl+N', 'newProject'),
        { type: 'separator' },
        command('Library', 'CmdOrCtrl+1', 'showLibrary'),
        command('Trash', 'CmdOrCtrl+2', 'showTrash'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Show Logs', click: showLogs }, { type: 'separator' }, { role: 'about' }] },
  ];
}
