@NamedInterface("spreadsheet")
package ru.rsoko.platform.spreadsheet;

import org.springframework.modulith.NamedInterface;
