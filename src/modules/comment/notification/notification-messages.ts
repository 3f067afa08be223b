import { Mail } from "../../../outbox/outbox";

/** The texts of "Notify of" mail; links point at the front end, which calls the matching mutation with the token. */
export const notificationMessages = {
  confirm(to: string, publicUrl: string, articleTitle: string, confirmToken: string, unsubscribeToken: string): Mail {
    return {
      to,
      subject: `Confirm: new comments on "${articleTitle}"`,
      text:
        `Someone (we hope you) asked to be emailed about comments on "${articleTitle}".\n\n` +
        `Confirm: ${publicUrl}/comments/confirm?token=${confirmToken}\n\n` +
        `If this was not you, ignore this message, or never hear from us again: ${publicUrl}/comments/unsubscribe?token=${unsubscribeToken}\n`,
    };
  },
  newComment(to: string, publicUrl: string, articleUrl: string, article: { title: string }, authorName: string, text: string, unsubscribeToken: string): Mail {
    return {
      to,
      subject: `${authorName} commented on "${article.title}"`,
      text:
        `${authorName} wrote:\n\n${text}\n\n` +
        `Read the conversation: ${articleUrl}#comments\n\n` +
        `Unsubscribe (one click): ${publicUrl}/comments/unsubscribe?token=${unsubscribeToken}\n`,
    };
  },
};
