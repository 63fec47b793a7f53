/// Every rule the validator runs, in documentation order.
public enum RuleRegistry {
    /// The rules.
    public static let all: [any Rule.Type] = [
        // Reading files
        FileReadableRule.self, TextEncodingRule.self, YAMLSyntaxRule.self, FrontMatterRule.self,
        RequiredFieldRule.self, UnknownKeyRule.self, ValueTypeRule.self, AllowedValueRule.self, FileSizeRule.self,
        ListItemFoldedRule.self,
        PathSafetyRule.self,
        // Identity
        IDFormatRule.self, DuplicateIDRule.self, ThingNumberSequenceRule.self, CourseThingListedRule.self,
        // References
        BadgeReferenceResolvesRule.self, CollectionReferenceResolvesRule.self, StartFinishResolvesRule.self,
        CollectionMembershipAgreesRule.self,
        PrerequisiteResolvesRule.self, PrerequisiteCycleRule.self, ResourceReferenceResolvesRule.self,
        ActivityReferenceResolvesRule.self, LocalFileExistsRule.self,
        // Badges
        BadgeImageExistsRule.self, BadgeImageFormatRule.self, IssuerContactRule.self,
        // Activities
        ClassificationItemCategoryRule.self, ClassificationCategoryUsedRule.self, ScenarioPathsRule.self, StepsAndCardsRule.self,
        QuizAnswerCountRule.self,
        // Content
        PublishedThingCompleteRule.self, DraftThingRule.self, PlaceholderTextRule.self, EvidenceFormNamedRule.self,
        HTTPSURLRule.self, CourseLicenceRule.self,
        HiddenCharactersRule.self,
        ResourceCitationCompleteRule.self, LanguageTagRule.self, CourseColourRule.self,
        // Markdown
        ThingLinkResolvesRule.self, ThingLinkToDraftRule.self, ImageAltTextRule.self, RawHTMLRule.self, HeadingIncrementRule.self,
        // Theme
        ThemeOverrideRule.self,
        // Media
        MediaFileExistsRule.self, MediaTypeRule.self, MediaSizeRule.self, MediaTotalSizeRule.self, MediaAccessibleRule.self,
        RemoteMediaRule.self,
    ]

    /// The rule with this id, if any.
    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
