/** `Jane Doe <jane@acme.com>` or `"Doe, Jane" <jane@acme.com>`: a name and its address, as a mail client copies a sender. */
const MAILBOX = /^\s*(?:"([^"]*)"|([^<>"]*?))\s*<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/;

/**
 * The name and address of a sender pasted from a mail client or a CRM (`Jane Doe
 * <jane@acme.com>`), or undefined for any other text: the address is the one in the
 * brackets, the name (possibly empty) what stands before them.
 */
export function mailboxOf(text: string): { name: string; address: string } | undefined {
  const mailbox = MAILBOX.exec(text);
  if (!mailbox) return undefined;
  return { name: (mailbox[1] ?? mailbox[2] ?? '').trim(), address: mailbox[3]! };
}
