package zoneassess.schema.methodology;

import zoneassess.schema.yaml.YamlNode;

/** A node of a methodology as written, before the tree is assembled. */
record DraftNode(String code, YamlNode yaml, boolean leaf, String parent) {}
