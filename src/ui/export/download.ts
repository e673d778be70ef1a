/** Hand the reader a file made on the page (no server): a blob URL behind a temporary link. */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
