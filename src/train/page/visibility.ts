/**
 * Training pauses in a hidden tab (it would only heat the reader's device) and resumes when the
 * tab shows again, but only if it was playing when it was hidden and nobody paused meanwhile.
 */

/** What the pause needs of `document`. */
export interface VisibilitySource {
  readonly hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface Playable {
  readonly isPlaying: boolean;
  pause(): void;
  /** Resume at the last speed. */
  play(): void;
}

export class HiddenTabPause {
  private resumeWhenVisible = false;

  constructor(
    private readonly source: VisibilitySource,
    private readonly target: Playable,
    /** False while there is no worker to talk to. */
    private readonly active: () => boolean,
  ) {
    source.addEventListener('visibilitychange', this.onChange);
  }

  /** The reader played or paused: forget any pending resume. */
  forget(): void {
    this.resumeWhenVisible = false;
  }

  detach(): void {
    this.source.removeEventListener('visibilitychange', this.onChange);
  }

  private readonly onChange = (): void => {
    if (!this.active()) return;
    if (this.source.hidden) {
      if (this.target.isPlaying) {
        this.target.pause();
        this.resumeWhenVisible = true;
      }
    } else if (this.resumeWhenVisible) {
      this.target.play();
    }
  };
}
