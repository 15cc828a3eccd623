import PlaygroundCore
import Yams
