import { useEffect, useRef } from 'react';

/** A live preview of a stream; always muted so the microphone never echoes. */
export function StreamVideo({
  stream,
  className,
  label,
}: {
  stream: MediaStream | null;
  className: string | undefined;
  label: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = stream;
    if (stream) void video.play().catch(() => undefined);
  }, [stream]);
  return <video ref={ref} className={className} aria-label={label} muted playsInline autoPlay />;
}
