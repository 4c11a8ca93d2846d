import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { classServerApi, pathOf } from '@shared/classServer/api';
import { classResultsSchema, classSummarySchema, type ServerLesson } from '@shared/classServer/results';
import type { Contract, ServiceHandlers } from '@shared/contract';
import type { ClassServerConnection } from '@shared/contract/classServer';
import { StudioError } from '@shared/contract/result';
import type { EventHub } from '../rpc/eventHub';
import type { StudioDatabase } from '../store/database';
import { ClassServerClient, ServerRefused, ServerUnreachable } from './client';
import { ClassServerStore } from './store';
import { uploadPackage, type UploadOptions } from './upload';

type Input<K extends keyof Contract['classroom']['calls']> = Parameters<ServiceHandlers<Contract['classroom']>[K]>[0];

export interface ClassServerDeps {
  readonly db: StudioDatabase;
  readonly events: EventHub<Contract>;
  readonly mediaRoot: string;
  readonly now?: () => number;
}

/** Exports land beside the publish exports, under the media root the browser host serves. */
const EXPORTS = 'class-server/exports';

interface Cached<T> {
  value: T | null;
  fetchedAt: number | null;
  problem: string | null;
}

function withoutToken(connection: ClassServerConnection & { token: string }): ClassServerConnection {
  const { token: _token, ...rest } = connection;
  return rest;
}

/**
 * The studio's side of the class server: the connection (checked before it is kept), publishing through the publish
 * job, and the teacher's classes and results, each kept in the library as last fetched so they open offline.
 */
export class ClassServerService implements ServiceHandlers<Contract['classroom']> {
  private readonly store: ClassServerStore;
  private readonly now: () => number;

  constructor(private readonly deps: ClassServerDeps) {
    this.store = new ClassServerStore(deps.db);
    this.now = deps.now ?? Date.now;
  }

  private client(): ClassServerClient {
    const connection = this.store.connection();
    if (!connection)
      throw new StudioError('conflict', 'No class server is set up: add its address and your token in Settings.');
    return new ClassServerClient(connection.url, connection.token);
  }

  connection(): ClassServerConnection | null {
    const connection = this.store.connection();
    return connection ? withoutToken(connection) : null;
  }

  async connect(input: Input<'connect'>): Promise<ClassServerConnection> {
    const url = input.url.replace(/\/+$/, '');
    const client = new ClassServerClient(url, input.token);
    let me;
    try {
      me = await client.call(classServerApi.me);
    } catch (error) {
      if (error instanceof ServerRefused && error.status === 401)
        throw new StudioError(
          'unauthorized',
          `The class server at ${url} does not accept this token: ${error.message}`,
        );
      throw error;
    }
    const connection = {
      url,
      token: input.token,
      teacherEmail: me.teacher.email,
      teacherName: me.teacher.name,
      checkedAt: this.now(),
    };
    const previous = this.store.connection();
    if (previous && previous.url !== url) this.store.forgetConnection();
    this.store.saveConnection(connection);
    this.deps.events.emit('classroom', 'onDidChangeConnection', withoutToken(connection));
    return withoutToken(connection);
  }

  disconnect(): Record<string, never> {
    this.store.forgetConnection();
    this.deps.events.emit('classroom', 'onDidChangeConnection', null);
    return {};
  }

  published(input: Input<'published'>) {
    return this.store.published(input.lessonId);
  }

  /** A fresh answer kept for next time, or the kept one with why it is not fresh. */
  private async cachedCall<T extends z.ZodType>(
    key: string,
    schema: T,
    refresh: boolean,
    fetch: (client: ClassServerClient) => Promise<z.output<T>>,
  ): Promise<Cached<z.output<T>>> {
    const connection = this.store.connection();
    if (!connection) return { value: null, fetchedAt: null, problem: 'No class server is set up: add it in Settings.' };
    const kept = this.store.cached(key, connection.url, schema);
    if (!refresh && kept) return { ...kept, problem: null };
    try {
      const value = await fetch(new ClassServerClient(connection.url, connection.token));
      const fetchedAt = this.now();
      this.store.keep(key, connection.url, value, fetchedAt);
      return { value, fetchedAt, problem: null };
    } catch (error) {
      if (!(error instanceof ServerUnreachable || error instanceof ServerRefused)) throw error;
      return { value: kept?.value ?? null, fetchedAt: kept?.fetchedAt ?? null, problem: error.message };
    }
  }

  classes(input: Input<'classes'>) {
    return this.cachedCall(
      'classes',
      classSummarySchema.array(),
      input.refresh,
      async (client) => (await client.call(classServerApi.classes)).classes,
    );
  }

  lmsLink() {
    return this.client().call(classServerApi.ltiInvite);
  }

  async createClass(input: Input<'createClass'>) {
    const created = await this.client().call(classServerApi.createClass, { body: { name: input.name } });
    this.store.drop('classes');
    return created;
  }

  async deleteClass(input: Input<'deleteClass'>) {
    const answer = await this.client().call(classServerApi.deleteClass, { params: { classId: input.classId } });
    this.store.drop('classes');
    return answer;
  }

  results(input: Input<'results'>) {
    const published = this.store.published(input.lessonId);
    const connection = this.store.connection();
    if (!published)
      return Promise.resolve({
        value: null,
        fetchedAt: null,
        problem: 'This lesson is not on the class server yet: publish it there first.',
      });
    if (connection && published.serverUrl !== connection.url)
      return Promise.resolve({
        value: null,
        fetchedAt: null,
        problem: `This lesson was published to ${published.serverUrl}, not to the class server set up now.`,
      });
    return this.cachedCall(`results:${input.lessonId}`, classResultsSchema, input.refresh, (client) =>
      client.call(classServerApi.results, { params: { lessonId: published.serverLessonId } }),
    );
  }

  async deleteLearner(input: Input<'deleteLearner'>) {
    return this.client().call(classServerApi.deleteLearner, { params: { learnerId: input.learnerId } });
  }

  async exportRecords(input: Input<'exportRecords'>) {
    const query = new URLSearchParams({
      format: input.format,
      ...(input.classId ? { classId: input.classId } : {}),
      ...(input.learnerId ? { learnerId: input.learnerId } : {}),
    });
    const bytes = await this.client().download(`${pathOf(classServerApi.exportRecords.path)}?${query.toString()}`);
    const folder = path.join(this.deps.mediaRoot, ...EXPORTS.split('/'));
    fs.mkdirSync(folder, { recursive: true });
    const stamp = new Date(this.now()).toISOString().slice(0, 10);
    let name = `learner-records-${stamp}.${input.format}`;
    for (let n = 2; fs.existsSync(path.join(folder, name)); n += 1)
      name = `learner-records-${stamp}-${n}.${input.format}`;
    const part = path.join(folder, `${name}.part`);
    fs.writeFileSync(part, bytes);
    fs.renameSync(part, path.join(folder, name));
    return { path: `${EXPORTS}/${name}`, name, sizeBytes: bytes.byteLength };
  }

  /** For the publish job: uploads a built package and remembers where the lesson now lives. */
  async upload(
    zip: string,
    info: { lessonId: string; title: string },
    options: UploadOptions,
  ): Promise<{ lesson: ServerLesson; version: number }> {
    const client = this.client();
    const published = await uploadPackage(client, zip, { sourceId: info.lessonId, title: info.title }, options);
    this.store.savePublished(info.lessonId, {
      serverLessonId: published.lesson.id,
      lessonUrl: published.lesson.url,
      version: published.version,
      publishedAt: this.now(),
      serverUrl: client.url,
    });
    this.store.drop(`results:${info.lessonId}`);
    return published;
  }
}
