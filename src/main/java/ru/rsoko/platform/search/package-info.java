/** Text search the same everywhere: case and «ё»/«е» folded on both sides, served by the folded-column indexes. */
@NamedInterface("search")
@NullMarked
package ru.rsoko.platform.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
