/**
 * What a path is, in words for a skip note or a refusal. Only regular files are read: opening a named pipe
 * waits for a writer that never comes, and a device or a socket holds no profile.
 */
import path from "node:path";

/** The type tests shared by fs.Stats and fs.Dirent. */
export interface FileTypeInfo {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
  isCharacterDevice(): boolean;
  isSymbolicLink(): boolean;
}

export function kindOf(info: FileTypeInfo): string {
  if (info.isFile()) return "a regular file";
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isBlockDevice()) return "a block device";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isSymbolicLink()) return "a symbolic link";
  return "of an unknown kind";
}

/** Why a path that is not a regular file is not read. */
export function notRegular(info: FileTypeInfo): string {
  return `${kindOf(info)}, not a regular file`;
}

/** True when `target` is `root` or lies below it; both are real paths (symbolic links resolved). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return !(relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative));
}
