import CourseLoader
import CourseModel

/// The files that make a new course folder a course repository: an ignore file (outputs, the private
/// ledgers and summaries, keys), editor settings that map the course files to their JSON Schemas, the
/// schemas themselves, and a CI workflow that validates and packages on every push.
enum RepositoryFiles {
    /// What goes in `.gitignore`: never commit outputs, earners' addresses or keys.
    static let gitIgnore = """
        # Outputs of `toolkit package` and `toolkit badges` (rebuilt at will).
        build/
        # The private ledger of who holds which badge, and the per-row summaries of `badges issue`:
        # earners' email addresses, never to be published or committed.
        *.ledger.json
        *.issued.csv
        # Signing keys.
        *.pem
        *.key

        """

    /// VS Code settings: the YAML extension maps the course files to their schemas.
    static func editorSettings(_ layout: WorkspaceLayout) -> String {
        let schemas = "./" + layout.editorSchemasFolder
        return """
            {
              "yaml.schemas": {
                "\(schemas)/course.schema.json": ["\(layout.coursesFolder)/*/\(layout.courseFileName)"],
                "\(schemas)/badge.schema.json": ["\(layout.badgeClassesFolder)/*\(layout.badgeClassFileExtension)"],
                "\(schemas)/issuer.schema.json": ["\(layout.issuerFile)"]
              }
            }

            """
    }

    /// A GitHub Actions workflow: validate (annotations on the pull request and SARIF for code
    /// scanning), then build every package and keep them as artifacts.
    static let ciWorkflow = """
        # Checks the course on every push and pull request, and keeps the packages it builds.
        # Install the toolkit from its Debian package: set the repository variable COURSE_TOOLKIT_DEB_URL
        # to the address of course-toolkit_<version>_amd64.deb.
        name: Course
        on:
          push:
          pull_request:
        permissions:
          contents: read
          security-events: write
        jobs:
          course:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v4
              - name: Install Course Toolkit
                run: |
                  curl -fsSL "$COURSE_TOOLKIT_DEB_URL" -o course-toolkit.deb
                  sudo apt-get install -y ./course-toolkit.deb
                env:
                  COURSE_TOOLKIT_DEB_URL: ${{ vars.COURSE_TOOLKIT_DEB_URL }}
              - name: Validate
                run: |
                  toolkit validate --format sarif > validate.sarif || true
                  toolkit validate --format github
              - name: Upload the findings to code scanning
                if: always()
                uses: github/codeql-action/upload-sarif@v3
                with:
                  sarif_file: validate.sarif
              - name: Package
                run: |
                  toolkit package --scorm
                  toolkit package --scorm --scorm-version 2004
                  toolkit package --cmi5
                  toolkit package --html
              - name: Keep the packages
                uses: actions/upload-artifact@v4
                with:
                  name: packages
                  path: build/*.zip

        """

    /// The repository files not yet in the workspace at `root`, by workspace-relative path.
    static func missing(in root: String, fileExists: (String) -> Bool, layout: WorkspaceLayout = .standard) -> [(
        path: String, text: String
    )] {
        var files: [(path: String, text: String)] = [
            (layout.gitIgnoreFile, gitIgnore), (layout.editorSettingsFile, editorSettings(layout)),
            (layout.ciWorkflowFile, ciWorkflow),
        ]
        for file in JSONSchemaDocument.files(layout: layout) {
            files.append(
                (
                    layout.editorSchemasFolder + "/" + file.name,
                    String(decoding: JSONSchemaDocument.bytes(of: file), as: UTF8.self)
                ))
        }
        return files.filter { !fileExists(WorkspaceLayout.absolute($0.path, root: root)) }
    }
}
