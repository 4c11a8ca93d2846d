import type { ToWorker, WorkerScope } from './protocol';
import { createOutputStream } from './worker/outputStream';
import { HardwareEncoderError } from './worker/frameEncoder';
import { runRenderJob } from './worker/renderJob';

/** Renders one lesson off the main thread; the page forwards the bytes to main and can end it at any moment by terminating it. */
const scope = self as unknown as WorkerScope;
const output = createOutputStream((message, transfer) => scope.postMessage(message, transfer));
let lastProgressAt = 0;

scope.addEventListener('message', (event) => {
  const message: ToWorker = event.data;
  if (message.type !== 'start') return output.onReply(message);
  runRenderJob(message.plan, message.note, {
    urls: message.urls,
    encoder: message.encoder,
    stream: output.stream,
    onProgress(doneMs) {
      // The page throttles what it shows; this only keeps the message rate sensible.
      const now = performance.now();
      if (now - lastProgressAt < 50 && doneMs < message.plan.durationMs) return;
      lastProgressAt = now;
      scope.postMessage({ type: 'progress', doneMs });
    },
  }).then(
    (outcome) => scope.postMessage({ type: 'done', outcome }),
    (error: unknown) =>
      scope.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
        hardwareEncoder: error instanceof HardwareEncoderError,
      }),
  );
});
