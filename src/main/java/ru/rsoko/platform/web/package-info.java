@NamedInterface("web")
package ru.rsoko.platform.web;

import org.springframework.modulith.NamedInterface;
