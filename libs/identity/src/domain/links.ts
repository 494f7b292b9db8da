/** The pages single-use links open; the token is the only secret in them. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/accept-invitation?token=${token}`;
}

export function passwordResetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-password?token=${token}`;
}
