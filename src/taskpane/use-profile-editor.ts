/**
 * The scoring profile as the user edits it, saved by itself: a valid edit is saved once typing
 * settles, an invalid one stays in the form (the panel says what to correct) and is saved once
 * corrected. Shared by the task pane and the browser page, so neither can drop an edit.
 */
import * as React from "react";
import { Profile, sameProfile } from "../core/profile";
import type { SaveStatus } from "./components/SettingsPanel";
import { formToProfile, ProfileForm, profileToForm } from "./profile-form";
import { Strings, errorText } from "./strings";


export interface ProfileEditor {
  /** What the settings panel shows: the edit under way, else the profile in use. */
  form: ProfileForm;
  status: SaveStatus;
  onChange: (form: ProfileForm) => void;
}

/**
 * `save` stores a checked profile and resolves once it is in use; its error is shown as the
 * save status. `onSaved` runs after each successful save.
 */
export function useProfileEditor(
  profile: Profile,
  save: (next: Profile) => Promise<void>,
  strings: Strings,
  settleMs: number,
  onSaved?: () => void,
): ProfileEditor {
  /** The settings being edited (null: none yet). */
  const [form, setForm] = React.useState<ProfileForm | null>(null);
  const [status, setStatus] = React.useState<SaveStatus>({ kind: "none" });
  // The latest callbacks, so a re-rendered parent's new closures do not restart the settle timer.
  const latest = React.useRef({ save, onSaved, strings });
  React.useEffect(() => {
    latest.current = { save, onSaved, strings };
  });

  React.useEffect(() => {
    if (form === null) return;
    const checked = formToProfile(form, profile, latest.current.strings);
    if (!checked.ok || sameProfile(checked.profile, profile)) return;
    const timer = setTimeout(() => {
      latest.current.save(checked.profile).then(
        () => {
          setStatus({ kind: "saved" });
          latest.current.onSaved?.();
        },
        (error: unknown) => setStatus({ kind: "failed", message: errorText(error, latest.current.strings) }),
      );
    }, settleMs);
    return () => clearTimeout(timer);
  }, [form, profile, settleMs]);

  return {
    form: form ?? profileToForm(profile),
    status,
    onChange: (next) => {
      setForm(next);
      setStatus({ kind: "none" });
    },
  };
}
