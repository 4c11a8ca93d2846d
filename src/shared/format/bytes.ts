/** A file size in decimal units, as file managers show them: "1.2 GB", "340 MB", "12 kB", "512 bytes". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
