import { useEffect, useState } from 'react';

/** The microphone's loudness, 0..1, about 15 times a second, from an AnalyserNode (RMS of the waveform). */
export function useMicLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) {
      setLevel(0);
      return;
    }
    const context = new AudioContext();
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      const rms = Math.sqrt(sum / samples.length);
      // Speech sits around -30..-10 dBFS; map -60..0 dB onto the meter so normal speech fills about half of it.
      const db = 20 * Math.log10(Math.max(rms, 1e-6));
      setLevel(Math.min(1, Math.max(0, (db + 60) / 60)));
    }, 66);
    return () => {
      window.clearInterval(timer);
      source.disconnect();
      void context.close();
    };
  }, [stream]);
  return level;
}
