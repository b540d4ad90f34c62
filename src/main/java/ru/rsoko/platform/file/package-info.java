@NamedInterface("file")
package ru.rsoko.platform.file;

import org.springframework.modulith.NamedInterface;
