import Foundation
import Testing

@testable import SessionKit

/// What loading a session file says, for the suites that damage files on purpose.
enum SessionDecodeMessage {
  /// The error message decoding `bytes` gives; nil when they load.
  static func of(_ bytes: [UInt8]) -> String? {
    do {
      _ = try SessionFormat.decode(bytes)
      return nil
    } catch {
      return error.message
    }
  }

  /// The message after `edit` changed the JSON object of the file `bytes`.
  static func editing(_ bytes: [UInt8], _ edit: (inout [String: Any]) -> Void) throws -> String? {
    var object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    edit(&object)
    return of(Array(try JSONSerialization.data(withJSONObject: object)))
  }
}
