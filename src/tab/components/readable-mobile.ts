/** A Dutch mobile number in E.164 (+31612345678) grouped as people read it aloud: +31 6 1234 5678. */
export function readableMobile(mobile: string): string {
  const match = /^\+316(\d{4})(\d{4})$/.exec(mobile);
  return match ? `+31 6 ${match[1]} ${match[2]}` : mobile;
}
