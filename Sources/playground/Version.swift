/// The release `playground --version` prints; `make package` names the .deb and tar.gz after it.
enum PlaygroundVersion {
  static let text = "0.9.0"
}
