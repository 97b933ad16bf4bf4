/** A stderr stand-in for progress output: records what was written, with a clock the test moves. */
export function recordingStream(isTTY: boolean, columns = 80) {
  let now = 0;
  const stream = {
    isTTY,
    columns,
    written: "",
    write(text: string) {
      stream.written += text;
      return true;
    },
  };
  const tick = (ms: number) => {
    now += ms;
  };
  return { stream, now: () => now, tick };
}
