/**
 * What a path is, in words for a skip note or a refusal. Only regular files are read: opening a named pipe
 * waits for a writer that never comes, and a device or a socket holds no profile.
 */
import path from "node:path";

/** The type tests shared by fs.Stats and fs.Dirent (of a path whose links are followed). */
export interface FileTypeInfo {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
  isCharacterDevice(): boolean;
}

/** Why a path that is not a regular file is not read. */
export function notRegular(info: FileTypeInfo): string {
  return `${kindOf(info)}, not a regular file`;
}

function kindOf(info: FileTypeInfo): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isBlockDevice()) return "a block device";
  if (info.isCharacterDevice()) return "a character device";
  return "an entry of an unknown kind";
}

/** True when `target` is `root` or lies below it; both are real paths (symbolic links resolved). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return !(relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative));
}
