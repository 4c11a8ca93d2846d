import { Meter } from 'react-aria-components';

/** The microphone's live level; a muted microphone shows an empty meter and says so. */
export function MicMeter({ level, muted }: { level: number; muted: boolean }) {
  const value = muted ? 0 : Math.round(level * 100);
  return (
    <Meter className="mic-meter" value={value} aria-label="Microphone level" valueLabel={muted ? 'Muted' : `${value}%`}>
      <div className="mic-meter-track" aria-hidden="true">
        <div
          className={value > 90 ? 'mic-meter-fill mic-meter-loud' : 'mic-meter-fill'}
          style={{ transform: `scaleX(${value / 100})` }}
        />
      </div>
    </Meter>
  );
}
