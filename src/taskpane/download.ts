/* global document, Blob, URL */
/** Offers bytes or text as a file to save, in the pane (a profile's JSON) and in the page (scored copies, reports). */
export function download(content: Uint8Array | string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // Revoked later, not at once: some browsers start reading the file after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
