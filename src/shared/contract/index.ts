import { appService } from './app';
import { classroomService } from './classServer';
import { transcribeService } from './transcribe';
import { captureService } from './capture';
import { editorService } from './editor';
import { filesService } from './files';
import { derivedService } from './derived';
import { rendersService } from './renders';
import { cutsService } from './cuts';
import { lessonsService } from './lessons';
import { notesService } from './notes';
import { projectsService } from './projects';
import { publishService } from './publish';
import { recordingsService } from './recordings';
import { takesService } from './takes';
import type { ContractClient, ServiceHandlers } from './define';

/** Every service between renderer and main. Adding a service here is all it takes to wire it on both sides. */
export const contract = {
  app: appService,
  projects: projectsService,
  lessons: lessonsService,
  takes: takesService,
  recordings: recordingsService,
  capture: captureService,
  editor: editorService,
  derived: derivedService,
  renders: rendersService,
  cuts: cutsService,
  publish: publishService,
  notes: notesService,
  classroom: classroomService,
  transcribe: transcribeService,
  files: filesService,
} as const;

export type Contract = typeof contract;
export type StudioClient = ContractClient<Contract>;
/** What a service's handler for one call is given, already parsed: `Input<'editor', 'open'>`. */
export type Input<S extends keyof Contract, K extends keyof Contract[S]['calls']> = Parameters<
  ServiceHandlers<Contract[S]>[K]
>[0];
/** What a service's handler for one call answers: `Output<'editor', 'switchTake'>`. */
export type Output<S extends keyof Contract, K extends keyof Contract[S]['calls']> = Awaited<
  ReturnType<ServiceHandlers<Contract[S]>[K]>
>;

export { callChannels, eventChannels } from './define';
export type { CallContext, ServiceHandlers } from './define';
export type { CallResult } from './result';
