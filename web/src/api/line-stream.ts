// Reading a streamed HTTP body (watch streams, followed logs) chunk by chunk or line by line,
// until the server ends it, the network drops it or the caller aborts it.

/** Calls onText with each decoded chunk; resolves when the body ends. */
export async function readText(res: Response, onText: (text: string) => void): Promise<void> {
  if (!res.body) {
    onText(await res.text());
    return;
  }
  const reader = res.body.getReader();
  const dec = new TextDecoder();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const text = dec.decode(value, { stream: true });
      if (text) onText(text);
    }
    const rest = dec.decode();
    if (rest) onText(rest);
  } finally {
    reader.releaseLock();
  }
}

/** Calls onLine with each complete newline-terminated line; resolves when the body ends. */
export async function readLines(res: Response, onLine: (line: string) => void): Promise<void> {
  let buf = "";
  await readText(res, (text) => {
    buf += text;
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line.trim()) onLine(line);
    }
  });
  if (buf.trim()) onLine(buf);
}
