/// How large media may be. LMSs commonly refuse uploads over 250 MB (Moodle's default, TalentLMS,
/// several hosted Canvas and Totara sites); a course close to that is warned about before it is built.
public enum MediaLimits {
    /// The largest single file a course may carry.
    public static let maximumFileSize = 200 * 1024 * 1024
    /// A course whose media add up to this much is warned about: its packages near common upload limits.
    public static let packageWarningSize = 200 * 1024 * 1024
    /// The upload limit the warning names.
    public static let commonUploadLimit = 250 * 1024 * 1024
}
