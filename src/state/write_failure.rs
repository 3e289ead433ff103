//! Why a file could not be written, kept in words of no language until the notice says it:
//! the system's own words ("Permission denied (os error 13)") are English in the 中文 window.

/// What went wrong, for the failures a user can do something about (choose another folder,
/// free space); anything else is `Other`, said in the system's or library's words alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// The user may not write to that folder.
    NoPermission,
    /// A file stands where the path needs a folder.
    FileInTheWay,
    /// A folder stands where the file would go.
    FolderInTheWay,
    /// The disk is full.
    DiskFull,
    /// The user's share of the disk is used up.
    QuotaUsedUp,
    /// The disk or folder cannot be written to at all.
    ReadOnly,
    /// The system does not allow that file name.
    BadName,
    /// The file is larger than that disk takes.
    TooLarge,
    /// The window gave back no picture to save.
    NoPicture,
    /// The view has nothing to write.
    NothingToExport,
    /// Any other failure.
    Other,
}

/// Why a file was not written: its kind, and the system's (or a library's) own words, which
/// whoever looks further can search for. `detail` may be empty when the kind says it all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteFailure {
    /// What went wrong.
    pub kind: FailureKind,
    /// The system's or library's own words.
    pub detail: String,
}

impl WriteFailure {
    /// A failure the app itself found, said in its own words only.
    pub fn of_kind(kind: FailureKind) -> Self {
        Self { kind, detail: String::new() }
    }

    /// A failure only a library's words say (an encoder's, the PDF writer's).
    pub fn other(detail: impl std::fmt::Display) -> Self {
        Self { kind: FailureKind::Other, detail: detail.to_string() }
    }
}

impl From<std::io::Error> for WriteFailure {
    fn from(err: std::io::Error) -> Self {
        use std::io::ErrorKind;
        let kind = match err.kind() {
            ErrorKind::PermissionDenied => FailureKind::NoPermission,
            // Files are written over and folders made as needed (`create_dir_all`), so what
            // "already exists" is a file where a folder is to be made (a meeting pack's new
            // folder, the one `create_dir`, says otherwise when every name is taken).
            ErrorKind::NotADirectory | ErrorKind::AlreadyExists => FailureKind::FileInTheWay,
            ErrorKind::IsADirectory => FailureKind::FolderInTheWay,
            ErrorKind::StorageFull => FailureKind::DiskFull,
            ErrorKind::QuotaExceeded => FailureKind::QuotaUsedUp,
            ErrorKind::ReadOnlyFilesystem => FailureKind::ReadOnly,
            ErrorKind::InvalidFilename => FailureKind::BadName,
            ErrorKind::FileTooLarge => FailureKind::TooLarge,
            _ => FailureKind::Other,
        };
        Self { kind, detail: err.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_system_failure_keeps_its_kind_and_its_own_words() {
        let err = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let words = err.to_string();
        let failure = WriteFailure::from(err);
        assert_eq!(failure.kind, FailureKind::DiskFull);
        assert_eq!(failure.detail, words);
        assert_eq!(WriteFailure::from(std::io::Error::other("odd")).kind, FailureKind::Other);
        // A file where a folder is to be made: "not a directory", or, from `create_dir_all`,
        // "already exists"; a folder where the file is to go.
        for (kind, expected) in [
            (std::io::ErrorKind::NotADirectory, FailureKind::FileInTheWay),
            (std::io::ErrorKind::AlreadyExists, FailureKind::FileInTheWay),
            (std::io::ErrorKind::IsADirectory, FailureKind::FolderInTheWay),
            (std::io::ErrorKind::PermissionDenied, FailureKind::NoPermission),
        ] {
            assert_eq!(WriteFailure::from(std::io::Error::from(kind)).kind, expected, "{kind:?}");
        }
    }
}
